package schedule

// Failed counts what went wrong in the fire: the posts that failed now and
// the accounts or articles that could not be prepared. It is the errors=
// of the "schedule fired" log line.
func (r FireReport) Failed() int {
	n := len(r.Errors)
	for _, res := range r.Results {
		if res.Err != nil {
			n++
		}
	}
	return n
}
