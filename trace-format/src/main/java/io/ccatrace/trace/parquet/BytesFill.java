package io.ccatrace.trace.parquet;

import io.ccatrace.trace.Column;
import io.ccatrace.trace.EventBatch;

/**
 * One batch's rows of a BYTES column as a {@link PageColumn} fills them, slot by slot (a slot:
 * a row, or in the sparse form a row with a value). Rows of dictionary-encoded pages are
 * pointed into the row group's dictionary (nothing copied, {@link EventBatch#share}); once the
 * batch also has rows of a PLAIN page or of another dictionary, every slot is copied into the
 * batch's own buffer instead.
 */
final class BytesFill {
    private final Column column;
    private EventBatch batch;
    private int[] off;
    private int slots;
    private int[] st;
    private byte[] shared;
    private boolean copying;
    private int end;

    BytesFill(Column column) {
        this.column = column;
    }

    /** Starts a batch's column: boundaries go to off (off[k + 1] ends slot k), at most slots slots. */
    void start(EventBatch b, int[] off, int slots) {
        batch = b;
        this.off = off;
        this.slots = slots;
        st = null;
        shared = null;
        copying = false;
        end = 0;
        off[0] = 0;
    }

    /** Before the values of page v are used; filled slots are done. */
    void page(PageValues v, int filled) {
        if (!copying && (!v.fromDictionary || shared != null && shared != v.dictData)) {
            if (shared != null) copyShared(filled);
            copying = true;
        }
        if (!copying && shared == null) {
            shared = v.dictData;
            st = batch.fillStarts(column, slots);
        }
    }

    /** Slot k holds value i of page v. */
    void value(PageValues v, int i, int k) {
        int from;
        int len;
        boolean dict = v.fromDictionary;
        if (dict) {
            int key = v.ids[i];
            from = v.dictStart[key];
            len = v.dictLen[key];
        } else {
            from = v.starts[i];
            len = v.lens[i];
        }
        if (copying) {
            byte[] dst = batch.fillBytes(column, end + len);
            System.arraycopy(dict ? v.dictData : v.data, from, dst, end, len);
        } else {
            st[k] = from;
        }
        end += len;
        off[k + 1] = end;
    }

    /** Slot k (a row) has no value. */
    void none(int k) {
        if (!copying) st[k] = 0;
        off[k + 1] = end;
    }

    /** After the last slot. */
    void finish() {
        if (!copying && shared != null) batch.share(column, shared, st);
    }

    /** Copies slots [0, filled) pointed into shared into the batch's own buffer, one after the other. */
    private void copyShared(int filled) {
        byte[] dst = batch.fillBytes(column, off[filled]);
        for (int i = 0; i < filled; i++) System.arraycopy(shared, st[i], dst, off[i], off[i + 1] - off[i]);
    }
}
