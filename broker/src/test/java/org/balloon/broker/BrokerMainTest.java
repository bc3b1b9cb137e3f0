package org.balloon.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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

    @Test
    void aKilledBrokerThatIsStillAZombieDoesNotHoldItsDataDirectory(@TempDir Path dir) throws Exception {
        // sh starts a child that exits at once, then becomes sleep, which never reaps it: a zombie,
        // as a broker killed with -9 is until init reaps it
        Process parent = new ProcessBuilder("sh", "-c", "true & exec sleep 30").start();
        try {
            ProcessHandle zombie = awaitChild(parent);
            assertTrue(zombie.isAlive(), "ProcessHandle counts a zombie as alive");
            assertFalse(BrokerMain.running(zombie));
            Path pidFile = dir.resolve("broker.pid");
            Files.writeString(pidFile, Long.toString(zombie.pid()));

            assertEquals(Optional.empty(), BrokerMain.otherBroker(pidFile, Duration.ofSeconds(1)));
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPidFileNamingALiveProgramThatIsNoBrokerDoesNotHoldTheDirectory(@TempDir Path dir) throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Path pidFile = dir.resolve("broker.pid");
            Files.writeString(pidFile, Long.toString(other.pid()));

            assertEquals(Optional.empty(), BrokerMain.otherBroker(pidFile, Duration.ofSeconds(1)));
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    private static ProcessHandle awaitChild(Process parent) {
        return await("a zombie child of " + parent.pid()).atMost(Duration.ofSeconds(10))
                .until(() -> parent.children().filter(c -> !BrokerMain.running(c)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
