package casebook.kernel.engagement.query;

import casebook.kernel.engagement.Programme;

/** The 支援スケジュール table ({@link MatrixView}) of a bureau and fiscal year; programme null means KASOKUKA. */
public record MilestoneMatrix(String bureau, Integer fiscalYear, Programme programme) {
}
