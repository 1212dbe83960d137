package article

import (
	"net"
	"net/netip"
)

// reserved are ranges that Fetch never reaches by default, besides what
// netip classifies: carrier-grade NAT (where some clouds keep metadata,
// such as 100.100.100.200), benchmarking, IETF protocol assignments,
// documentation and "this network".
var reserved = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "reserved"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
}

// Cloud metadata services (AWS, GCP, Azure, OpenStack; AWS on IPv6) and
// the IPv4 broadcast address.
var (
	metadataV4 = netip.MustParseAddr("169.254.169.254")
	metadataV6 = netip.MustParseAddr("fd00:ec2::254")
	broadcast  = netip.MustParseAddr("255.255.255.255")
)

// nat64 is the well-known NAT64 prefix, which embeds an IPv4 address.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// forbidden names the kind of a non-public address ("loopback", "private",
// "link-local", "metadata", …), or returns "" for a public one.
func forbidden(ip net.IP) string {
	addr, ok := netip.AddrFromSlice(ip)
	if !ok {
		return "invalid"
	}
	return forbiddenAddr(addr.Unmap())
}

func forbiddenAddr(a netip.Addr) string {
	if nat64.Contains(a) {
		b := a.As16()
		return forbiddenAddr(netip.AddrFrom4([4]byte(b[12:])))
	}
	switch {
	case a == metadataV4 || a == metadataV6:
		return "metadata"
	case a == broadcast:
		return "broadcast"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsMulticast() || a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	for _, r := range reserved {
		if r.prefix.Contains(a) {
			return r.why
		}
	}
	return ""
}
