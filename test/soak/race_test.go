//go:build race

package soak_test

// raceEnabled shortens the default soak under the race detector, which
// slows everything several times over on two cores.
const raceEnabled = true
