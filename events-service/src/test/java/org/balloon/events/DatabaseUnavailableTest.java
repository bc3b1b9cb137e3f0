package org.balloon.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.balloon.events.service.DatabaseUnavailable;
import org.junit.jupiter.api.Test;

/** Which failures mean "PostgreSQL is away" (503 + Retry-After) and which are bugs (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheChainMeanUnavailable() {
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException())))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void aPoolThatCannotHandOutAConnectionOrADatabaseRefusingThemMeanUnavailable() {
        // Agroal's own words, capitalised
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException(
                "FATAL: database \"balloon\" is not currently accepting connections", "55000"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("sorry, too many clients already", "53300"))).isTrue();
    }

    @Test
    void queryErrorsAreNotUnavailability() {
        assertThat(DatabaseUnavailable.isCause(new PersistenceException(
                new SQLException("relation \"x\" does not exist", "42P01")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
    }
}
