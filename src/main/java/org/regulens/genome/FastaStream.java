package org.regulens.genome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.regulens.core.RegulensException;
import org.regulens.io.TextInput;
import org.regulens.seq.Dna;

/**
 * Reads a FASTA file (plain, gzip or bgzip) one record at a time, so that at most one chromosome is in memory.
 * Sequence lines may hold any IUPAC letter in either case; anything else is an error naming the line.
 */
public final class FastaStream implements AutoCloseable {

    private static final boolean[] ALLOWED = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            ALLOWED[c] = Dna.isIupac((byte) c) || c == '*' || c == '-';
        }
    }

    private final Path file;
    private final InputStream in;
    private final Map<String, Long> lengthHints;
    private final byte[] buffer = new byte[1 << 16];
    private final Set<String> seen = new HashSet<>();
    private int bufferLength;
    private int bufferPosition;
    private long line = 1;
    private String pendingName;
    private boolean started;

    /**
     * @param lengthHints chromosome lengths from the index, used to allocate each record once; may be empty
     */
    public FastaStream(Path file, Map<String, Long> lengthHints) {
        this.file = file;
        this.in = TextInput.open(file);
        this.lengthHints = lengthHints;
    }

    /** The next record, or null at the end of the file. */
    public Chromosome next() {
        if (!started) {
            started = true;
            int first = skipBlankLinesAndPeek();
            if (first < 0) {
                throw RegulensException.inFile(file, "empty FASTA file");
            }
            if (first != '>') {
                throw RegulensException.atLine(file, line, "expected a FASTA header starting with '>'");
            }
            pendingName = readHeader();
        }
        if (pendingName == null) {
            return null;
        }
        String name = pendingName;
        pendingName = null;
        long hint = lengthHints.getOrDefault(name, 1L << 20);
        if (hint > Integer.MAX_VALUE - 8) {
            throw RegulensException.atRecord(file, name, "sequences over 2 Gb are not supported");
        }
        byte[] sequence = new byte[(int) Math.max(16, hint)];
        int length = 0;
        boolean atLineStart = true;
        while (true) {
            int b = read();
            if (b < 0) {
                break;
            }
            if (b == '\n') {
                line++;
                atLineStart = true;
                continue;
            }
            if (b == '\r') {
                continue;
            }
            if (atLineStart && b == '>') {
                pendingName = readHeader();
                break;
            }
            atLineStart = false;
            if (!ALLOWED[b]) {
                throw RegulensException.atLine(file, line, "unexpected character '" + printable(b)
                        + "' in sequence " + name);
            }
            if (length == sequence.length) {
                sequence = Arrays.copyOf(sequence, (int) Math.min(Integer.MAX_VALUE - 8, 2L * length));
            }
            sequence[length++] = (byte) b;
        }
        if (length == 0) {
            throw RegulensException.atRecord(file, name, "empty sequence");
        }
        return new Chromosome(name, length == sequence.length ? sequence : Arrays.copyOf(sequence, length));
    }

    private String readHeader() {
        StringBuilder header = new StringBuilder();
        int b;
        while ((b = read()) >= 0 && b != '\n') {
            if (b != '\r') {
                header.append((char) b);
            }
        }
        long headerLine = line;
        line++;
        String name = header.toString().trim().split("\\s+")[0];
        if (name.isEmpty()) {
            throw RegulensException.atLine(file, headerLine, "FASTA header without a sequence name");
        }
        if (!seen.add(name)) {
            throw RegulensException.atLine(file, headerLine, "duplicate sequence name '" + name + "'");
        }
        return name;
    }

    private int skipBlankLinesAndPeek() {
        int b;
        while ((b = read()) == '\n' || b == '\r') {
            if (b == '\n') {
                line++;
            }
        }
        return b;
    }

    private int read() {
        if (bufferPosition == bufferLength) {
            try {
                bufferLength = in.read(buffer);
            } catch (IOException e) {
                throw RegulensException.atLine(file, line, "cannot read: " + e.getMessage());
            }
            bufferPosition = 0;
            if (bufferLength <= 0) {
                bufferLength = 0;
                return -1;
            }
        }
        return buffer[bufferPosition++] & 0xff;
    }

    private static String printable(int b) {
        return b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02x", b);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading is over
        }
    }
}
