package dev.intake.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which evidence goes together ({@link ThemeFinder#cluster}), at a cost that grows linearly with the
 * evidence. Up to {@link #BLOCK} pieces, every pair is compared and the groups are exactly those of
 * joining the most alike pair of groups while it is alike enough. Beyond that, as in a long call, the
 * evidence is grouped a block of {@code BLOCK} neighbours at a time (what is said together is most
 * often about one thing), and then the groups found are grouped again, blocks of neighbouring groups
 * at a time, each round's blocks straddling the last round's edges, until the groups fit in one block
 * or two rounds in a row join nothing. A group's likeness to another is its members' average likeness
 * by meaning (exactly what comparing every member would give) or, by words, its most alike members
 * ({@link Likeness#between}). Each round compares each group with at most {@code BLOCK} others, and
 * there are at most {@link #ROUNDS}.
 */
final class Grouping {

    static final int BLOCK = 200;
    static final int ROUNDS = 8;

    private Grouping() {
    }

    static List<List<Integer>> of(Likeness alike, int n, boolean average, double threshold) {
        List<Likeness.Group> groups = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groups.add(alike.group(List.of(i)));
        }
        int quiet = 0;
        for (int round = 0; round < ROUNDS && quiet < 2; round++) {
            if (groups.size() <= BLOCK) {
                groups = join(alike, groups, average, threshold);
                break;
            }
            int firstBlock = round % 2 == 0 ? BLOCK : BLOCK / 2;
            List<Likeness.Group> next = new ArrayList<>();
            for (int from = 0, to = firstBlock; from < groups.size(); from = to, to += BLOCK) {
                next.addAll(join(alike, groups.subList(from, Math.min(to, groups.size())), average, threshold));
            }
            quiet = next.size() == groups.size() ? quiet + 1 : 0;
            next.sort(Comparator.comparingInt(Likeness.Group::first));
            groups = next;
        }
        return new ArrayList<>(groups.stream().map(Likeness.Group::members).toList());
    }

    /** The groups of {@code groups} joined while alike enough, comparing every pair of them. */
    private static List<Likeness.Group> join(Likeness alike, List<Likeness.Group> groups, boolean average,
                                             double threshold) {
        int m = groups.size();
        double[][] link = new double[m][m];
        int[] weights = new int[m];
        for (int i = 0; i < m; i++) {
            weights[i] = groups.get(i).members().size();
            for (int j = i + 1; j < m; j++) {
                link[i][j] = alike.between(groups.get(i), groups.get(j));
                link[j][i] = link[i][j];
            }
        }
        List<Likeness.Group> joined = new ArrayList<>();
        for (List<Integer> parts : ThemeFinder.cluster(link, weights, average, threshold)) {
            joined.add(parts.size() == 1 ? groups.get(parts.get(0)) : alike.joined(parts.stream().map(groups::get).toList()));
        }
        return joined;
    }
}
