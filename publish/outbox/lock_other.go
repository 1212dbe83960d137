//go:build !unix

package outbox

import "os"

// lock is a no-op where flock(2) is missing; the Outbox's mutex still orders
// posts within one process.
func lock(*os.File) error { return nil }
