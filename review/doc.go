// Package review holds what a person does to a post under review, in one
// place for the command line (hookline queue, edit, approve --now, retry)
// and the web page: when each post goes out and how long it is (Items),
// an edit checked for the post's network (Edit), and sending stored posts
// now (Send). The state changes themselves are the store's (Approve, Hold,
// SkipPost, Retry, Edit).
package review
