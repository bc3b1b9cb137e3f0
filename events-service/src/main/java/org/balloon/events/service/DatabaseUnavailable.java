package org.balloon.events.service;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/** Recognises "PostgreSQL is not reachable" in an exception chain, as opposed to a bug or a bad query. */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: admin shutdown, crash shutdown, cannot connect now;
                // 53300: too many connections
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                // 55000 "database ... is not currently accepting connections" (ALLOW_CONNECTIONS false, a
                // failover in progress); Agroal's "Acquisition timeout while waiting for new connection"
                // when nothing could be had from the pool in time; a pooled connection closed under us
                if (message.contains("not currently accepting connections") || message.contains("acquisition timeout")
                        || message.contains("connection is closed") || message.contains("connection has been closed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
