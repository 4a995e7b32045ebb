"""Which addresses are private: reading a URL's host the way the C library does, and naming
why an address must not be connected to. Pure (``ipaddress`` only): the SSRF guard
(``netguard``) checks every address it connects to with it, and the domain's warnings
(``app.domain.readiness``) read a job's URL with it before anything runs.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def blocked_reason(address: str | IPAddress) -> str | None:
    """Why ``address`` must not be connected to, or None if it is a public address."""
    ip = parse_ip(address) if isinstance(address, str) else address
    if ip is None:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            reason = blocked_reason(embedded)
            return f"{reason} inside an IPv6 address" if reason else None
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (where cloud metadata services live)"
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip in _CGNAT:
        return "a shared (CGNAT) address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "not a public address"
    return None


def parse_ip(text: str) -> IPAddress | None:
    try:
        # Drop an IPv6 zone id ("fe80::1%eth0"): the address itself decides.
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def host_address(host: str) -> IPAddress | None:
    """The address a URL's host names literally, or None for a name.

    Read as the C library reads it, not only in canonical form: IPv4 in one to four parts,
    each decimal, octal (a leading 0) or hex (0x), the last filling the remaining bytes
    (``2130706433``, ``0177.0.0.1``, ``0x7f.0x0.0.1``, ``127.1`` are all 127.0.0.1), with one
    trailing dot allowed; IPv6 with or without brackets (``[::ffff:127.0.0.1]``).
    """
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    ip = parse_ip(text)
    if ip is not None:
        return ip
    return _inet_aton(text[:-1] if text.endswith(".") else text)


_AT_MOST = (0xFFFFFFFF, 0xFFFFFF, 0xFFFF, 0xFF)


def _inet_aton(text: str) -> ipaddress.IPv4Address | None:
    parts = text.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        number = _inet_number(part)
        if number is None:
            return None
        numbers.append(number)
    *leading, last = numbers
    if any(n > 0xFF for n in leading) or last > _AT_MOST[len(leading)]:
        return None
    value = last
    for index, number in enumerate(leading):
        value |= number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _inet_number(part: str) -> int | None:
    if not part.isascii():
        return None
    lowered = part.lower()
    try:
        if lowered.startswith("0x"):
            return int(lowered[2:], 16) if lowered[2:] else 0
        if len(lowered) > 1 and lowered.startswith("0"):
            return int(lowered, 8)
        return int(lowered, 10) if lowered.isdigit() else None
    except ValueError:
        return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None
