package casebook.kernel.engagement;

/** Who selected the municipality: the bureau (加速化 bureau-led), the prefecture, or MHLW (在宅医療, 住まい). */
public enum SelectedBy { BUREAU, PREFECTURE, MHLW }
