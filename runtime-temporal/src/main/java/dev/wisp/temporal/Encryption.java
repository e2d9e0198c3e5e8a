package dev.wisp.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts every payload Wisp gives Temporal (run inputs, parameters, results, journals, signals, queries) with
 * AES-256-GCM, so that the cluster's history holds no plaintext of them. Keys are named: a payload records the name
 * of the key it was encrypted with ({@value #KEY_ID} in its metadata); the first key encrypts, every key decrypts, so
 * a key is rotated by putting the new one first and keeping the old ones while runs encrypted with them may still be
 * read.
 *
 * <p>Keys are given as text, one a line: {@code NAME:BASE64} (32 bytes, e.g. {@code openssl rand -base64 32}); blank
 * lines and lines starting with {@code #} are ignored. A problem with the keys never shows a key.
 */
public final class Encryption implements PayloadCodec {
    /** The metadata key naming the key a payload was encrypted with. */
    public static final String KEY_ID = "wisp-encryption-key-id";
    /** The encoding of an encrypted payload. */
    public static final String ENCODING = "binary/wisp-aes256gcm";
    /** The environment variable holding the keys when no key file is given. */
    public static final String VARIABLE = "WISP_TEMPORAL_KEYS";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String first;

    private Encryption(Map<String, SecretKeySpec> keys) {
        this.keys = keys;
        this.first = keys.keySet().iterator().next();
    }

    /** Something wrong with the keys, said without showing one. */
    public static final class KeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyException(String message) {
            super(message);
        }
    }

    /** The keys of {@code text} (a key file's, or the variable's), {@code source} naming it in messages. */
    public static Encryption parse(String text, String source) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|;", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = source + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new KeyException(at + "a key is NAME:BASE64 (its name, a colon, 32 bytes in base64)");
            }
            String name = line.substring(0, colon).strip();
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new KeyException(at + "a key's name is letters, digits, '.', '_' or '-' (at most 64)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(line.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new KeyException(at + "key '" + name + "' is not base64");
            }
            if (key.length != 32) {
                throw new KeyException(at + "key '" + name + "' has " + key.length + " bytes; AES-256 takes 32 "
                        + "(openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(name, new SecretKeySpec(key, "AES")) != null) {
                throw new KeyException(at + "key '" + name + "' is there twice");
            }
        }
        if (keys.isEmpty()) {
            throw new KeyException(source + ": no key in it (a line NAME:BASE64)");
        }
        return new Encryption(keys);
    }

    /** The keys of a key file. */
    public static Encryption read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new KeyException("the key file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The name of the key that encrypts. */
    public String encryptingKey() {
        return first;
    }

    /** Temporal's default converter, its payloads encrypted with these keys (failures' messages stay readable). */
    public DataConverter converter() {
        return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(this), false);
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        List<Payload> out = new ArrayList<>(payloads.size());
        for (Payload p : payloads) {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] sealed;
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, keys.get(first), new GCMParameterSpec(TAG_BITS, iv));
                c.updateAAD(first.getBytes(StandardCharsets.UTF_8));
                sealed = c.doFinal(p.toByteArray());
            } catch (GeneralSecurityException e) {
                throw new PayloadCodecException("a payload cannot be encrypted: " + e.getMessage(), e);
            }
            out.add(Payload.newBuilder()
                    .putMetadata("encoding", ByteString.copyFromUtf8(ENCODING))
                    .putMetadata(KEY_ID, ByteString.copyFromUtf8(first))
                    .setData(ByteString.copyFrom(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                            .array()))
                    .build());
        }
        return out;
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        List<Payload> out = new ArrayList<>(payloads.size());
        for (Payload p : payloads) {
            ByteString encoding = p.getMetadataMap().get("encoding");
            if (encoding == null || !encoding.toStringUtf8().equals(ENCODING)) {
                out.add(p); // not encrypted (a run started before encryption was turned on)
                continue;
            }
            ByteString id = p.getMetadataMap().get(KEY_ID);
            String name = id == null ? "" : id.toStringUtf8();
            SecretKeySpec key = keys.get(name);
            if (key == null) {
                throw new PayloadCodecException("a payload is encrypted with key '" + name + "', which is not among "
                        + "this process's keys (" + String.join(", ", keys.keySet()) + "): give every worker and "
                        + "client the same key file (--temporal-key-file), old keys after the new one");
            }
            byte[] data = p.getData().toByteArray();
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
                c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
                out.add(Payload.parseFrom(c.doFinal(data, IV_BYTES, data.length - IV_BYTES)));
            } catch (AEADBadTagException e) {
                throw new PayloadCodecException("a payload encrypted with key '" + name + "' does not decrypt with "
                        + "this process's key of that name: the key files differ", e);
            } catch (GeneralSecurityException | InvalidProtocolBufferException | IllegalArgumentException e) {
                throw new PayloadCodecException("a payload encrypted with key '" + name + "' cannot be decrypted: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }
}
