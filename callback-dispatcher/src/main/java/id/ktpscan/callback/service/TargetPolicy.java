package id.ktpscan.callback.service;

import id.ktpscan.callback.config.CallbackConfig;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which webhook URLs may be called: absolute http(s) URLs (https in production) whose host resolves
 * only to public addresses, unless configuration allows loopback or private targets. Checked when
 * the partner registers the URL and again before every attempt, since DNS can change.
 */
public final class TargetPolicy {

  /** Why a URL is refused. */
  public static final class RefusedTarget extends Exception {
    public RefusedTarget(String message) {
      super(message, null, false, false);
    }
  }

  private final CallbackConfig.Targets config;

  public TargetPolicy(CallbackConfig.Targets config) {
    this.config = config;
  }

  /** The parsed URL, syntax and scheme checked, without resolving the host. */
  public URI parse(String url) throws RefusedTarget {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new RefusedTarget("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new RefusedTarget("must be an http or https URL");
    }
    if (scheme.equals("http") && config.requireHttps()) {
      throw new RefusedTarget("must use https");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new RefusedTarget("has no host");
    }
    if (uri.getUserInfo() != null) {
      throw new RefusedTarget("must not carry credentials");
    }
    if (uri.getFragment() != null) {
      throw new RefusedTarget("must not have a fragment");
    }
    return uri;
  }

  /** Resolves the host and refuses loopback, private, link-local and metadata addresses. */
  public void checkResolved(URI uri) throws RefusedTarget {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new RefusedTarget("has a host that does not resolve");
    }
    for (InetAddress address : addresses) {
      String refusal = refusal(address);
      if (refusal != null) {
        throw new RefusedTarget("resolves to a " + refusal + " address");
      }
    }
  }

  private String refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return config.allowLoopback() ? null : "loopback";
    }
    if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return "non-unicast";
    }
    if (isMetadata(address)) {
      return "cloud metadata";
    }
    if (address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || isUniqueLocal(address)
        || isSharedOrReserved(address)) {
      return config.allowPrivate() ? null : "private";
    }
    return null;
  }

  private static boolean isMetadata(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return (b[0] & 0xFF) == 169
          && (b[1] & 0xFF) == 254
          && (b[2] & 0xFF) == 169
          && (b[3] & 0xFF) == 254;
    }
    // fd00:ec2::254, the IPv6 metadata address of one large cloud.
    return address instanceof Inet6Address
        && (b[0] & 0xFF) == 0xFD
        && b[1] == 0
        && (b[2] & 0xFF) == 0x0E
        && (b[3] & 0xFF) == 0xC2
        && (b[15] & 0xFF) == 0x54
        && b[14] == 0x02;
  }

  private static boolean isUniqueLocal(InetAddress address) {
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
  }

  /** 100.64/10 (carrier-grade NAT), 0/8, 192.0.0/24 and 198.18/15 (benchmarking) are not public. */
  private static boolean isSharedOrReserved(InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      return false;
    }
    byte[] b = address.getAddress();
    int first = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    return first == 0
        || (first == 100 && second >= 64 && second <= 127)
        || (first == 192 && second == 0 && (b[2] & 0xFF) == 0)
        || (first == 198 && (second == 18 || second == 19));
  }
}
