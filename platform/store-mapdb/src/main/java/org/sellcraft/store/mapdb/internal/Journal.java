package org.sellcraft.store.mapdb.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's redo log and its source of truth: every transaction is appended as one frame (length, CRC32C,
 * writes) and forced to disk before it counts as committed. A frame cut short by a crash fails its checksum and is
 * cut off when the journal is opened, so a transaction is either wholly in the journal or not at all.
 *
 * <p>The MapDB file holds the same records in a form that can be looked up; after an unclean stop it is rebuilt
 * from this journal instead of trusting MapDB's own write-ahead log, which does not reliably survive a SIGKILL.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int HEADER = 8;
    private static final int MAX_FRAME = 1 << 30;
    private static final byte PUT = 1;
    private static final byte DELETE = 2;
    private static final int REWRITE_FRAME = 1000;

    private final Path file;
    private FileChannel channel;

    /** One write as the journal keeps it: a record's encoded bytes, or the type and id of a deleted one. */
    record Entry(byte[] encodedRecord, String type, String id) {

        static Entry put(byte[] encodedRecord) {
            return new Entry(encodedRecord, null, null);
        }

        static Entry delete(String type, String id) {
            return new Entry(null, type, id);
        }

        boolean isDelete() {
            return encodedRecord == null;
        }
    }

    /**
     * Opens the journal, cutting off a frame that a crash left incomplete, and hands every committed transaction to
     * the replay in order when one is given.
     */
    Journal(Path file, Consumer<List<Entry>> replay) {
        this(file, -1, replay);
    }

    /**
     * Opens the journal; when it has exactly the length a clean close wrote down, it is trusted without reading it
     * through.
     */
    Journal(Path file, long cleanLength, Consumer<List<Entry>> replay) {
        this.file = file;
        try {
            boolean created = !Files.exists(file);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (created) {
                forceDirectory(file);
            }
            long end = cleanLength >= 0 && cleanLength == channel.size() ? cleanLength : scan(replay);
            if (end < channel.size()) {
                LOG.warn(
                        "Journal '{}' ended in a transaction cut short at byte {} of {}; it was never acknowledged "
                                + "and is dropped",
                        file,
                        end,
                        channel.size());
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the store's journal " + file, e);
        }
    }

    /** Appends one transaction and forces it to disk; when this returns, the transaction survives a crash. */
    void append(List<Entry> entries) throws IOException {
        long start = channel.position();
        try {
            write(entries);
            channel.force(false);
        } catch (IOException e) {
            // Leave no partial frame behind a failed write: the next transaction must follow a whole one.
            channel.truncate(start);
            channel.position(start);
            throw e;
        }
    }

    private void write(List<Entry> entries) throws IOException {
        ByteWriter payload = new ByteWriter(256);
        payload.writeVarLong(entries.size());
        for (Entry entry : entries) {
            if (entry.isDelete()) {
                payload.writeByte(DELETE);
                payload.writeText(entry.type());
                payload.writeText(entry.id());
            } else {
                payload.writeByte(PUT);
                payload.writeBytes(entry.encodedRecord());
            }
        }
        byte[] bytes = payload.toByteArray();
        ByteBuffer frame = ByteBuffer.allocate(HEADER + bytes.length);
        frame.putInt(bytes.length)
                .putInt(checksum(bytes, bytes.length))
                .put(bytes)
                .flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Replaces the journal with one transaction per record that is still live, written beside it and moved over
     * it in one step, so that a crash during the rewrite leaves the old journal in place.
     */
    void rewrite(Consumer<Consumer<byte[]>> liveRecords) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        try (Journal compacted = new Journal(next, null)) {
            List<Entry> frame = new ArrayList<>();
            liveRecords.accept(record -> {
                frame.add(Entry.put(record));
                if (frame.size() == REWRITE_FRAME) {
                    compacted.writeUnchecked(frame);
                    frame.clear();
                }
            });
            compacted.writeUnchecked(frame);
        }
        channel.close();
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    private void writeUnchecked(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            write(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the compacted journal " + file, e);
        }
    }

    /** Makes a file's creation or renaming durable: the folder's entry is forced as well as the file. */
    static void forceDirectory(Path file) throws IOException {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private long scan(Consumer<List<Entry>> replay) throws IOException {
        long position = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            readFully(header, position);
            int length = header.getInt(0);
            int expected = header.getInt(4);
            if (length < 0 || length > MAX_FRAME || position + HEADER + length > size) {
                return position;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload, position + HEADER);
            if (checksum(payload.array(), length) != expected) {
                return position;
            }
            if (replay != null) {
                replay.accept(entries(payload.array()));
            }
            position += HEADER + length;
        }
        return position;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("Unexpected end of the journal at byte " + at);
            }
            at += read;
        }
    }

    private static List<Entry> entries(byte[] payload) {
        ByteReader in = new ByteReader(payload);
        int count = (int) in.readVarLong();
        Entry[] entries = new Entry[count];
        for (int i = 0; i < count; i++) {
            entries[i] =
                    in.readByte() == DELETE ? Entry.delete(in.readText(), in.readText()) : Entry.put(in.readBytes());
        }
        return List.of(entries);
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.force(true);
            channel.close();
        }
    }
}
