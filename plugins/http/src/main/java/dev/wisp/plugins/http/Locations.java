package dev.wisp.plugins.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an action's {@code location} and {@code query} into the URL to ask: a path stays under base_url (no
 * {@code ..} or {@code .} segment, encoded or not, may climb out of it), an absolute URL is taken only when the asset
 * allows it, and characters a URL cannot hold are percent-encoded.
 */
final class Locations {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final String KEEP = "-._~!$&'()*+,;=:@/";

    private Locations() {
    }

    static URI resolve(HttpAsset asset, Object location, Object query) {
        String loc = location == null ? "" : location.toString().strip();
        if (loc.isEmpty()) {
            throw new IllegalArgumentException("location is required: a path under base_url such as /users/42");
        }
        String url;
        if (SCHEME.matcher(loc).matches() || loc.startsWith("//")) {
            if (!asset.allowAbsolute()) {
                throw new IllegalArgumentException("location '" + loc + "' is an absolute URL, but asset '"
                        + asset.name() + "' allows only paths under its base_url (set allow_absolute_urls: true "
                        + "to allow it)");
            }
            URI abs = parse(loc, loc);
            if (abs.getScheme() == null || !(abs.getScheme().equalsIgnoreCase("http")
                    || abs.getScheme().equalsIgnoreCase("https")) || abs.getHost() == null) {
                throw new IllegalArgumentException("location '" + loc + "' must be an http(s) URL");
            }
            url = loc;
        } else {
            int cut = indexOfAny(loc, "?#");
            String path = cut < 0 ? loc : loc.substring(0, cut);
            String rest = cut < 0 ? "" : loc.substring(cut);
            for (String segment : path.replace('\\', '/').split("/")) {
                String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
                if (decoded.equals("..") || decoded.equals(".")) {
                    throw new IllegalArgumentException("location '" + loc + "' escapes base_url: '" + segment
                            + "' segments are not allowed");
                }
            }
            if (path.contains("\\")) {
                throw new IllegalArgumentException("location '" + loc + "' must use / between segments, not \\");
            }
            url = asset.baseUrl() + "/" + encode(path.replaceAll("^/+", "")) + encode(rest);
        }
        String q = query(query);
        if (!q.isEmpty()) {
            int hash = url.indexOf('#');
            String head = hash < 0 ? url : url.substring(0, hash);
            url = head + (head.contains("?") ? "&" : "?") + q;
        }
        return parse(url, loc);
    }

    private static URI parse(String url, String loc) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("location '" + loc + "' is not a valid URL: " + e.getReason());
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-encodes what a URL cannot hold, keeping what it can and valid %XX escapes. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
            if (Character.isLetterOrDigit(c) && c < 128 || KEEP.indexOf(c) >= 0 || c == '?' || c == '#' || escape) {
                out.append(c);
            } else {
                int cp = s.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString();
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** {@code a=1&b=x%20y&c=1&c=2} from a map; a list repeats its key. */
    static String query(Object query) {
        if (query == null || query instanceof String s && s.isBlank()) {
            return "";
        }
        if (!(query instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("query must be an object of parameter names to values");
        }
        StringBuilder out = new StringBuilder();
        m.forEach((k, v) -> {
            List<?> values = v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
            for (Object x : values) {
                if (x instanceof Map<?, ?> || x instanceof List<?>) {
                    throw new IllegalArgumentException("query parameter '" + k + "' must be a value or a list of "
                            + "values, not an object");
                }
                out.append(out.length() == 0 ? "" : "&").append(param(String.valueOf(k)));
                if (x != null) {
                    out.append('=').append(param(text(x)));
                }
            }
        });
        return out.toString();
    }

    static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    static String param(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
