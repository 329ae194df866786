package casebook.demo;

/**
 * One command of the demo scenario, with a line saying what it records and, where the seeds are silent,
 * which value was assumed.
 */
public record DemoStep(String description, Object command) {
}
