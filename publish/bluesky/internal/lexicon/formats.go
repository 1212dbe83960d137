package lexicon

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Syntax of atproto's string formats, from the atproto specifications
// (datetime, DID, handle, NSID, record key, TID, AT URI, CID) and BCP-47.
var (
	datetimeRE  = regexp.MustCompile(`^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-6][0-9]:[0-6][0-9](\.[0-9]{1,20})?(Z|([+-][0-2][0-9]:[0-5][0-9]))$`)
	didRE       = regexp.MustCompile(`^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$`)
	handleRE    = regexp.MustCompile(`^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)
	nsidRE      = regexp.MustCompile(`^[a-zA-Z]([a-zA-Z0-9-]{0,62})?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})?)+\.[a-zA-Z]([a-zA-Z0-9]{0,62})?$`)
	recordKeyRE = regexp.MustCompile(`^[a-zA-Z0-9_~.:-]{1,512}$`)
	tidRE       = regexp.MustCompile(`^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$`)
	languageRE  = regexp.MustCompile(`^(([a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3})|[a-zA-Z]{4,8}|i-[a-zA-Z0-9]{1,8})(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*(-x(-[a-zA-Z0-9]{1,8})+)?$`)
	cidRE       = regexp.MustCompile(`^[a-zA-Z0-9+=]{8,256}$`)
	schemeRE    = regexp.MustCompile(`^[a-z][a-z0-9+.-]*$`)
)

// checkFormat returns why s is not of format, or nil.
func checkFormat(format, s string) error {
	switch format {
	case "datetime":
		if !datetimeRE.MatchString(s) {
			return errors.New("want RFC 3339 with upper-case T and a zone, e.g. 2024-01-02T15:04:05.000Z")
		}
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return err
		}
	case "uri":
		u, err := url.Parse(s)
		if err != nil {
			return err
		}
		if !schemeRE.MatchString(u.Scheme) || (u.Host == "" && u.Opaque == "" && u.Path == "") || strings.ContainsAny(s, " \t\n") {
			return errors.New("want an absolute URI with a scheme")
		}
		if len(s) > 8192 {
			return errors.New("longer than 8 KiB")
		}
	case "language":
		if !languageRE.MatchString(s) {
			return errors.New("want a BCP-47 language tag")
		}
	case "did":
		if !didRE.MatchString(s) || len(s) > 2048 {
			return errors.New("want did:method:id")
		}
	case "handle":
		if !handleRE.MatchString(s) || len(s) > 253 {
			return errors.New("want a domain name")
		}
	case "at-identifier":
		if checkFormat("did", s) != nil && checkFormat("handle", s) != nil {
			return errors.New("want a handle or a DID")
		}
	case "nsid":
		if !nsidRE.MatchString(s) || len(s) > 317 {
			return errors.New("want reverse-DNS then a name, e.g. app.bsky.feed.post")
		}
	case "record-key":
		if !recordKeyRE.MatchString(s) || s == "." || s == ".." {
			return errors.New("want 1-512 of A-Za-z0-9 . - _ : ~")
		}
	case "tid":
		if !tidRE.MatchString(s) {
			return errors.New("want 13 base32-sortable characters")
		}
	case "cid":
		if !cidRE.MatchString(s) {
			return errors.New("want a CID")
		}
	case "at-uri":
		rest, ok := strings.CutPrefix(s, "at://")
		if !ok {
			return errors.New("want at://")
		}
		parts := strings.Split(rest, "/")
		if checkFormat("at-identifier", parts[0]) != nil || len(parts) > 3 {
			return errors.New("want at://authority[/collection[/rkey]]")
		}
	default:
		return fmt.Errorf("format %q is not supported by this validator", format)
	}
	return nil
}
