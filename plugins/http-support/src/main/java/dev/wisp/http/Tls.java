package dev.wisp.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/** The TLS side of a client: the system's trust, a CA bundle's, or (for test setups only) none. */
final class Tls {
    private Tls() {
    }

    static TlsStrategy strategy(HttpSettings settings) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        if (!settings.verifyServerCert()) {
            return tls.setSslContext(trustAll()).setHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
        }
        if (settings.caBundle().isPresent()) {
            return tls.setSslContext(trusting(settings.caBundle().get())).build();
        }
        return new SystemTrust();
    }

    /**
     * The JVM's default trust and TLS settings, read when the first TLS connection is made: a client that speaks
     * plain HTTP only (a local API, the simulator) never loads the JDK's CA store, which was a sixth of the run
     * thread's time in a run of 2,000 GETs.
     */
    private static final class SystemTrust implements TlsStrategy {
        private volatile TlsStrategy delegate;

        private TlsStrategy delegate() {
            TlsStrategy d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        d = ClientTlsStrategyBuilder.create().useSystemProperties().build();
                        delegate = d;
                    }
                }
            }
            return d;
        }

        @Override
        @SuppressWarnings("deprecation") // the interface's own abstract method; the connection manager calls the other
        public boolean upgrade(TransportSecurityLayer session, HttpHost host, SocketAddress localAddress,
                               SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
            return delegate().upgrade(session, host, localAddress, remoteAddress, attachment, handshakeTimeout);
        }

        @Override
        public void upgrade(TransportSecurityLayer session, NamedEndpoint endpoint, Object attachment,
                            Timeout handshakeTimeout, FutureCallback<TransportSecurityLayer> callback) {
            delegate().upgrade(session, endpoint, attachment, handshakeTimeout, callback);
        }
    }

    /** An SSL context trusting exactly the certificates of a PEM bundle. */
    static SSLContext trusting(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("ca_bundle " + bundle + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ca_bundle " + bundle + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ca_bundle " + bundle + " is not a PEM file of certificates: "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }
}
