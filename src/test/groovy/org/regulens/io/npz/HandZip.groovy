package org.regulens.io.npz

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.util.zip.CRC32

/**
 * Builds zip files byte by byte, independent of java.util.zip and of the code under test: for damaged
 * entries and for ZIP64 records that only multi-GiB archives would otherwise contain.
 */
class HandZip {

    /** Stored entries; with {@code zip64} every size and offset goes through ZIP64 extra fields and records. */
    static byte[] stored(Map<String, byte[]> entries, boolean zip64) {
        ByteArrayOutputStream out = new ByteArrayOutputStream()
        ByteArrayOutputStream central = new ByteArrayOutputStream()
        entries.each { String name, byte[] data ->
            long offset = out.size()
            CRC32 crc = new CRC32()
            crc.update(data)
            byte[] nameBytes = name.getBytes('UTF-8')
            ByteBuffer local = le(30 + nameBytes.length + (zip64 ? 20 : 0))
            local.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0).putShort((short) 0)
            local.putShort((short) 0).putShort((short) 0x21).putInt((int) crc.value)
            local.putInt(zip64 ? -1 : data.length).putInt(zip64 ? -1 : data.length)
            local.putShort((short) nameBytes.length).putShort((short) (zip64 ? 20 : 0)).put(nameBytes)
            if (zip64) {
                local.putShort((short) 1).putShort((short) 16).putLong(data.length).putLong(data.length)
            }
            out.write(local.array())
            out.write(data)

            ByteBuffer entry = le(46 + nameBytes.length + (zip64 ? 28 : 0))
            entry.putInt(0x02014b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) (zip64 ? 45 : 20))
            entry.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0x21)
            entry.putInt((int) crc.value).putInt(zip64 ? -1 : data.length).putInt(zip64 ? -1 : data.length)
            entry.putShort((short) nameBytes.length).putShort((short) (zip64 ? 28 : 0)).putShort((short) 0)
            entry.putShort((short) 0).putShort((short) 0).putInt(0).putInt(zip64 ? -1 : (int) offset).put(nameBytes)
            if (zip64) {
                entry.putShort((short) 1).putShort((short) 24).putLong(data.length).putLong(data.length).putLong(offset)
            }
            central.write(entry.array())
        }
        long directoryOffset = out.size()
        out.write(central.toByteArray())
        if (zip64) {
            long zip64EndOffset = out.size()
            ByteBuffer end64 = le(56)
            end64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
            end64.putLong(entries.size()).putLong(entries.size()).putLong(central.size()).putLong(directoryOffset)
            out.write(end64.array())
            ByteBuffer locator = le(20)
            locator.putInt(0x07064b50).putInt(0).putLong(zip64EndOffset).putInt(1)
            out.write(locator.array())
        }
        ByteBuffer end = le(22)
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
        end.putShort((short) (zip64 ? -1 : entries.size())).putShort((short) (zip64 ? -1 : entries.size()))
        end.putInt(zip64 ? -1 : central.size()).putInt(zip64 ? -1 : (int) directoryOffset).putShort((short) 0)
        out.write(end.array())
        return out.toByteArray()
    }

    /** A .npy file's bytes with a literal dict text, padded NumPy's way, followed by {@code data}. */
    static byte[] npy(String dict, byte[] data) {
        int total = 10 + dict.length() + 1
        int padded = (total + 63).intdiv(64) * 64
        String text = dict + ' ' * (padded - total) + '\n'
        ByteBuffer bytes = le(10 + text.length() + data.length)
        bytes.put((byte) 0x93).put('NUMPY'.getBytes('ISO-8859-1'))
        bytes.put((byte) 1).put((byte) 0).putShort((short) text.length()).put(text.getBytes('ISO-8859-1')).put(data)
        return bytes.array()
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN)
    }
}
