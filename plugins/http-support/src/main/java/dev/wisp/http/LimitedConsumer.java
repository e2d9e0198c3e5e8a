package dev.wisp.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Reads an answer into memory up to a limit; a larger one fails with {@link TooLarge} as soon as it shows. */
final class LimitedConsumer extends AbstractBinResponseConsumer<Response> {
    /** The answer passed the limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final long limit;
    private final URI uri;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private HttpResponse head;

    LimitedConsumer(long limit, URI uri) {
        this.limit = limit;
        this.uri = uri;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws IOException {
        head = response;
        Header length = response.getFirstHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.getValue().strip()) > limit) {
                    throw new TooLarge("announces " + length.getValue().strip() + " bytes");
                }
            } catch (NumberFormatException e) {
                // a malformed length: the bytes themselves are counted
            }
        }
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        if (body.size() + (long) n > limit) {
            throw new TooLarge("sent more than " + limit + " bytes");
        }
        byte[] chunk = new byte[n];
        src.get(chunk);
        body.write(chunk);
    }

    @Override
    protected Response buildResult() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : head.getHeaders()) {
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return new Response(head.getCode(), head.getReasonPhrase(), Map.copyOf(headers), body.toByteArray(), uri);
    }

    @Override
    public void releaseResources() {
    }
}
