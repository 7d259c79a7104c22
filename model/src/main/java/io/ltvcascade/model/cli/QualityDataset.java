package io.ltvcascade.model.cli;

import java.util.List;

/** A dataset of the quality report: where it is, its columns, and the calibration-spend column of its floor row. */
record QualityDataset(String name, String path, String floorColumn) {

    static List<QualityDataset> all() {
        return List.of(
                new QualityDataset("CDNOW (39-week history)", "cdnow/ltv_table.csv", "total_spend"),
                new QualityDataset("CDNOW early (first 28 days)", "cdnow/ltv_table_early.csv", "total_spend"),
                new QualityDataset("UCI Online Retail II 2009-10", "uci_online_retail_ii_2009_2010/ltv_table.csv",
                        "net_spend"));
    }
}
