package io.ltvcascade.api.dataset;

import io.ltvcascade.model.data.DataProblem;
import io.ltvcascade.model.data.DataValidationException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns an upload body into plain CSV bytes while they are read: gunzips when the body starts with the gzip magic,
 * stops with 413 past the size limit, hashes (SHA-256) and copies everything to a temporary file for the second pass.
 */
final class UploadSpool implements AutoCloseable {

    private final Path file;
    private final OutputStream copy;
    private final MessageDigest digest;
    private final InputStream csv;
    private long bytes;

    UploadSpool(InputStream body, long maxBytes) {
        try {
            InputStream plain = decompressed(body); // first: a corrupt gzip header fails before a file exists
            this.file = Files.createTempFile("ltv-upload-", ".csv");
            this.copy = Files.newOutputStream(file);
            this.digest = MessageDigest.getInstance("SHA-256");
            this.csv = new DigestInputStream(new LimitedCopy(plain, maxBytes), digest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload spool file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain CSV stream to scan; reading it fills the spool file. */
    InputStream csv() {
        return csv;
    }

    /** Finishes the copy after the scan read the stream to its end. */
    void finish() {
        try {
            copy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        try {
            copy.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream decompressed(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                return new GZIPInputStream(in, 1 << 16); // reads the gzip header
            } catch (ZipException | EOFException e) {
                throw unreadable(e);
            }
        }
        return in;
    }

    private static DataValidationException unreadable(IOException e) {
        return new DataValidationException(DataProblem.UNREADABLE, null, null, "the gzip data is corrupt: " + e.getMessage());
    }

    /** Counts what is read, fails the upload past the limit, and copies the bytes into the spool file. */
    private final class LimitedCopy extends FilterInputStream {
        private final long max;

        LimitedCopy(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw unreadable(e);
            }
            if (n > 0) {
                bytes += n;
                if (bytes > max) {
                    throw new DataValidationException(DataProblem.TOO_LARGE, null, null,
                            "the CSV is larger than the limit of " + max + " bytes (after decompression)");
                }
                copy.write(b, off, n);
            }
            return n;
        }
    }
}
