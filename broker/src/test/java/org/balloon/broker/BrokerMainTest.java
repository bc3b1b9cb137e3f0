package org.balloon.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerMainTest {

    @Test
    void clusterIdsNeverStartWithADashWhichKafkaStorageWouldReadAsAnOption() {
        // a random base64 id starts with '-' one time in 64; 20 000 draws would all but surely meet one
        IntStream.range(0, 20_000).mapToObj(i -> BrokerMain.clusterId())
                .forEach(id -> assertFalse(id.startsWith("-"), id));
    }

    @Test
    void aDirectoryWhoseStoredIdStartsWithADashIsFormattedWithANewId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cluster.id"), "-bWm0gqNQvi6n1qkVdmx3A");
        Path config = BrokerMain.writeConfig(dir, 19092, 19093);

        BrokerMain.format(dir, config);

        String id = Files.readString(dir.resolve("cluster.id")).trim();
        assertFalse(id.startsWith("-"), id);
        String meta = Files.readString(dir.resolve("logs").resolve("meta.properties"));
        assertTrue(meta.contains("cluster.id=" + id), meta);
    }
}
