package main

import (
	"cmp"
	"fmt"
	"io"
	"os"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// loadConfig finds the config (--config, else $HOOKLINE_CONFIG, else
// ./config.yaml, else the embedded default), loads and validates it, and
// prints its warnings to stderr. The string is the path, or "(embedded)".
// The config's secrets are taught to the process's redactor.
func loadConfig(g *globals) (*config.Config, string, error) {
	c, name, warns, err := loadConfigWarnings(g)
	printWarnings(g.redactor.Writer(os.Stderr), name, warns)
	return c, name, err
}

// loadConfigWarnings is loadConfig without the printing.
func loadConfigWarnings(g *globals) (*config.Config, string, []config.Warning, error) {
	c, name, warns, _, err := readConfig(g, false)
	return c, name, warns, err
}

// loadConfigLax is loadConfig for the commands that do not post: a secret
// whose ${VAR} is not set is left empty (config.LoadLax). Its warnings are
// printed; the unset secrets are returned, for the commands where they
// matter to say so.
func loadConfigLax(g *globals) (*config.Config, string, []config.Warning, error) {
	c, name, warns, unset, err := readConfig(g, true)
	printWarnings(g.redactor.Writer(os.Stderr), name, warns)
	return c, name, unset, err
}

// readConfig loads the config the flags and environment name, strictly or
// laxly (see config.LoadLax), and teaches its secrets to the redactor. name
// is the file's path, or config.Embedded for the built-in default.
func readConfig(g *globals, lax bool) (c *config.Config, name string, warns, unset []config.Warning, err error) {
	env := os.Environ()
	path := config.Resolve(g.configPath, env)
	if lax {
		c, warns, unset, err = config.LoadLax(path, hookline.DefaultConfig, env, networks.CheckAccount)
	} else {
		c, warns, err = config.Load(path, hookline.DefaultConfig, env, networks.CheckAccount)
	}
	if c != nil {
		g.redactor.Add(c.Secrets()...)
	}
	return c, cmp.Or(path, config.Embedded), warns, unset, err
}

func printWarnings(w io.Writer, name string, warns []config.Warning) {
	for _, warn := range warns {
		fmt.Fprintf(w, "%s: warning: %s\n", name, warn)
	}
}
