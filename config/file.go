package config

import (
	"fmt"
	"io"
	"os"
)

// MaxFileSize bounds a config file, in bytes (1 MiB): a real config.yaml is
// a few kilobytes, and reading has to stop somewhere when the path names
// something endless such as /dev/zero.
const MaxFileSize = 1 << 20

// readFile reads the config file at path, which must be a regular file
// (a symlink to one is fine) of at most MaxFileSize bytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("config: %s is not a regular file (%s); give the path of a config.yaml", path, describeMode(fi.Mode()))
	}
	if fi.Size() > MaxFileSize {
		return nil, tooLarge(path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if len(data) > MaxFileSize { // it grew while being read
		return nil, tooLarge(path)
	}
	return data, nil
}

func tooLarge(path string) error {
	return fmt.Errorf("config: %s is larger than %d bytes (1 MiB); a config.yaml is a few kilobytes, check the path", path, MaxFileSize)
}

func describeMode(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}
