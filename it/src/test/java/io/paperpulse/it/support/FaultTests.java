package io.paperpulse.it.support;

/**
 * The JUnit tag of the fault tests. Failsafe runs the tests carrying it in the {@code
 * integration-test} phase, so that {@code mvn test} stays fast and {@code mvn verify} runs them.
 */
public final class FaultTests {

  public static final String TAG = "fault";

  private FaultTests() {}
}
