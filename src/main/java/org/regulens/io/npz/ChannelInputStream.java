package org.regulens.io.npz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a byte range of a file through positional channel reads, so several streams (and threads) can
 * share one open channel. Optionally ends with one zero byte, which raw-deflate inflation wants as a
 * terminator (the same trick java.util.zip.ZipFile plays).
 */
final class ChannelInputStream extends InputStream {

    private final FileChannel channel;
    private long position;
    private final long end;
    private boolean dummyPending;

    ChannelInputStream(FileChannel channel, long start, long length, boolean endWithZeroByte) {
        this.channel = channel;
        this.position = start;
        this.end = start + length;
        this.dummyPending = endWithZeroByte;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            if (dummyPending) {
                dummyPending = false;
                buffer[offset] = 0;
                return 1;
            }
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        int got = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (got < 0) {
            return -1; // the file is shorter than its directory says; callers report truncation
        }
        position += got;
        return got;
    }

    @Override
    public long skip(long count) {
        long skipped = Math.max(0, Math.min(count, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
}
