import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The floor under bench/http-gets.sh: the same GETs through Apache HttpClient alone (async, one I/O thread, a pool
 * of CONCURRENCY keep-alive connections: the client Wisp's apps use, set up as they set it up), in a JVM of its own
 * started with the launcher's options, so that its code is as cold as a run's. Prints the wall time of the GETs
 * (the JVM's start and the client's creation excluded, as the run's block time excludes them) and how many
 * succeeded; with ROUNDS (default 1), does it again, a line a round, the later rounds on a warmer JVM.
 *
 * <pre>java [OPTIONS] -cp cli/target/wisp.jar bench/HttpBaseline.java BASE_URL COUNT CONCURRENCY [ROUNDS]</pre>
 */
public final class HttpBaseline {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        try (CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().build()) {
            client.start();
            for (int round = 0; round < rounds; round++) {
                round(client, base, count, concurrency);
            }
        }
    }

    private static void round(CloseableHttpAsyncClient client, String base, int count, int concurrency)
            throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            client.execute(SimpleRequestBuilder.get(base + "/system/status?i=" + i).build(),
                    new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse response) {
                            if (response.getCode() == 200) {
                                ok.incrementAndGet();
                            }
                            finish();
                        }

                        @Override
                        public void failed(Exception e) {
                            finish();
                        }

                        @Override
                        public void cancelled() {
                            finish();
                        }

                        private void finish() {
                            slots.release();
                            done.countDown();
                        }
                    });
        }
        done.await();
        System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, ok.get());
    }
}
