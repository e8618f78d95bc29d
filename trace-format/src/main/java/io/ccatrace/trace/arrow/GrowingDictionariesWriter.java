package io.ccatrace.trace.arrow;

import java.io.IOException;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.message.IpcOption;
import java.nio.channels.WritableByteChannel;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Arrow's stream writer for dictionaries that only grow ({@link NameDictionary}): before each
 * batch Arrow compares every dictionary with the copy it last wrote and writes the ones that
 * differ; with append-only dictionaries none differs unless one grew, so the comparison (all
 * thirteen, every batch) is made only when the dictionaries' total size changed. The same
 * bytes: when nothing grew, Arrow's comparison would have written nothing.
 */
final class GrowingDictionariesWriter extends ArrowStreamWriter {
    private final NameDictionary[] dictionaries;
    /** Total names when Arrow last compared, -1 before the first batch. */
    private long written = -1;

    /** A writer of uncompressed buffers, or of LZ4_FRAME-compressed ones ({@link Lz4Codec}) when lz4. */
    GrowingDictionariesWriter(VectorSchemaRoot root, DictionaryProvider provider, WritableByteChannel out,
                              NameDictionary[] dictionaries, boolean lz4) {
        super(root, provider, out, IpcOption.DEFAULT, lz4 ? Lz4Codec.FACTORY : NoCompressionCodec.Factory.INSTANCE,
                lz4 ? CompressionUtil.CodecType.LZ4_FRAME : CompressionUtil.CodecType.NO_COMPRESSION);
        this.dictionaries = dictionaries;
    }

    @Override
    protected void ensureDictionariesWritten(DictionaryProvider provider, Set<Long> used) throws IOException {
        long names = 0;
        for (NameDictionary d : dictionaries) {
            if (d != null) names += d.size();
        }
        if (names == written) return;
        super.ensureDictionariesWritten(provider, used);
        written = names;
    }
}
