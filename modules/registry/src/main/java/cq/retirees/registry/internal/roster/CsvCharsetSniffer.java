package cq.retirees.registry.internal.roster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides the encoding of CSV bytes. Chinese rosters arrive both as UTF-8 (from web tools and newer Excel) and as
 * GB18030/GBK (from older Excel and government systems), usually without saying which.
 */
final class CsvCharsetSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The chosen charset and the bytes to decode with it: the whole input, less a UTF-8 BOM. */
    record Sniffed(Charset charset, InputStream content) {
    }

    private CsvCharsetSniffer() {
    }

    static Sniffed sniff(InputStream in, Optional<Charset> declared) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SAMPLE_BYTES);
        buffered.mark(SAMPLE_BYTES);
        byte[] sample = buffered.readNBytes(SAMPLE_BYTES);
        buffered.reset();
        if (startsWithBom(sample)) {
            buffered.skipNBytes(UTF8_BOM.length);
            return new Sniffed(StandardCharsets.UTF_8, buffered);
        }
        if (declared.isPresent()) {
            return new Sniffed(declared.get(), buffered);
        }
        boolean wholeFile = sample.length < SAMPLE_BYTES;
        return new Sniffed(isUtf8(sample, wholeFile) ? StandardCharsets.UTF_8 : GB18030, buffered);
    }

    private static boolean startsWithBom(byte[] sample) {
        return sample.length >= UTF8_BOM.length
                && sample[0] == UTF8_BOM[0] && sample[1] == UTF8_BOM[1] && sample[2] == UTF8_BOM[2];
    }

    /**
     * Whether {@code sample} decodes as UTF-8. Unless it is the whole file, a multi-byte sequence cut by the end of
     * the sample is allowed: the decoder, told more input follows, leaves those bytes undecoded instead of failing.
     */
    static boolean isUtf8(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return !decoder.decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length), wholeFile).isError();
    }
}
