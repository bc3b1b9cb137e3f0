package org.balloon.bench.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One subscriber of the gateway's live stream ({@code GET /api/stream/scores?country=XX}), read
 * without blocking a thread: the bytes are scanned for each event's {@code data:} line and the
 * action id in it, and the listener is told the id and the arrival time (System.nanoTime). A
 * thousand of these share the client's few threads.
 *
 * <p>The id is taken from {@code "actionId":"<uuid>"} in the data without parsing the JSON: at a
 * thousand subscribers the client must not be what limits the measurement.
 */
public final class ScoreStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** Called on the client's threads, possibly concurrently for different streams. */
    public interface Listener {
        void score(String actionId, long arrivedNanos);
    }

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARKER = "\"actionId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DISCONNECT = "event: disconnect".getBytes(StandardCharsets.US_ASCII);

    private final Listener listener;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private byte[] line = new byte[8192];
    private int length;
    private volatile int disconnects;
    private volatile int status;

    private ScoreStream(Listener listener) {
        this.listener = listener;
    }

    /** Opens a stream; {@link #opened()} completes with the first bytes (the gateway's opening comment). */
    public static ScoreStream open(StackClient client, String gateway, String country, Listener listener) {
        ScoreStream s = new ScoreStream(listener);
        HttpRequest req = client.request(gateway + "/api/stream/scores?country=" + country, Duration.ofHours(1))
                .header("Accept", "text/event-stream").GET().build();
        client.http().sendAsync(req, info -> {
            s.status = info.statusCode();
            if (info.statusCode() != 200) {
                s.opened.completeExceptionally(new IllegalStateException("the stream answered " + info.statusCode()));
            }
            return HttpResponse.BodySubscribers.fromSubscriber(s);
        }).whenComplete((r, e) -> {
            if (e != null) {
                s.opened.completeExceptionally(e);
            }
            s.ended.complete(null);
        });
        return s;
    }

    public CompletableFuture<Void> opened() {
        return opened;
    }

    public boolean isOpen() {
        return opened.isDone() && !opened.isCompletedExceptionally() && !ended.isDone();
    }

    /** How many {@code disconnect} events the gateway sent (a client it found too slow). */
    public int disconnects() {
        return disconnects;
    }

    public int status() {
        return status;
    }

    public void close() {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.set(s);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        long now = System.nanoTime();
        opened.complete(null);
        for (ByteBuffer b : buffers) {
            while (b.hasRemaining()) {
                byte c = b.get();
                if (c == '\n') {
                    endOfLine(now);
                } else if (c != '\r') {
                    if (length == line.length) {
                        line = java.util.Arrays.copyOf(line, line.length * 2);
                    }
                    line[length++] = c;
                }
            }
        }
    }

    private void endOfLine(long now) {
        if (startsWith(DATA)) {
            int at = indexOf(MARKER);
            if (at >= 0 && at + MARKER.length + 36 <= length) {
                listener.score(new String(line, at + MARKER.length, 36, StandardCharsets.US_ASCII), now);
            }
        } else if (startsWith(DISCONNECT)) {
            disconnects++;
        }
        length = 0;
    }

    private boolean startsWith(byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte[] m) {
        outer:
        for (int i = 0; i + m.length <= length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (line[i + j] != m[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void onError(Throwable t) {
        opened.completeExceptionally(t);
        ended.complete(null);
    }

    @Override
    public void onComplete() {
        ended.complete(null);
    }
}
