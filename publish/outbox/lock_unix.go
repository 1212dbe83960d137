//go:build unix

package outbox

import (
	"os"
	"syscall"
)

// lock takes an exclusive advisory lock on f, released when f is closed, so
// that two Hookline processes (the daemon and a `hookline post`) sharing an
// outbox neither interleave nor both append the same post.
func lock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}
