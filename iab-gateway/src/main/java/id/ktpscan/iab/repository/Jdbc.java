package id.ktpscan.iab.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC on the connection of the caller's transaction, for the upload's statements (see {@link
 * SubmissionWriter}). The pool hands out the connection enlisted in the current transaction;
 * closing it only gives it back to the transaction, which commits or rolls back everything
 * together.
 */
@ApplicationScoped
public class Jdbc {

  /** Sets a statement's parameters. */
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads the current row. */
  public interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The first row of a query, read by {@code reader}. */
  public <T> Optional<T> first(String sql, Binder binder, RowReader<T> reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the rows it touched. */
  public int update(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** A timestamptz parameter. */
  public static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static IllegalStateException failed(SQLException e) {
    // The SQL state only: a driver message can quote the values of a violated key.
    return new IllegalStateException(
        "database statement failed (SQL state " + e.getSQLState() + ")");
  }
}
