package io.ccatrace.model.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ccatrace.model.rmi.CommandTable;
import io.ccatrace.model.rmi.RmmModels;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The random host reaches every RMI command the model registers, whatever they are. */
class GeneratorCoverageTest {
    @Test
    void everyRegisteredCommandIsGenerated() {
        CommandTable table = RmmModels.byId(RmmModels.DEFAULT).table();
        Set<String> want = table.entries().stream().map(CommandTable.Entry::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> got = HostOps.rmi(table).sampleStream().limit(3000)
                .map(op -> ((HostOp.Rmi) op).cmd()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(want, got);
    }
}
