package dev.ssoconfig.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded random choices the test generators are built from: a value of a list, a weighted choice, a
 * list of random size, a subset. Everything is drawn from the {@link Random} passed in, and nothing
 * depends on hash order, so one seed always gives the same input.
 *
 * <p>Sizes lean to the edges: a list is empty one time in 16 and as long as allowed one time in 16,
 * otherwise of a uniform length, so empty files, empty sections and full ones all come up often.
 */
public final class Draw {
  private static final int EDGE_ODDS = 16;

  private Draw() {}

  /** A choice and its weight for {@link #frequency}. */
  public record Weighted<T>(int weight, T value) {
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive: " + weight);
      }
    }
  }

  /** {@code value} with {@code weight}, for {@link #frequency}. */
  public static <T> Weighted<T> w(int weight, T value) {
    return new Weighted<>(weight, value);
  }

  /** One of {@code values}, each as likely. */
  public static <T> T oneOf(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** One of {@code choices}, each with a chance of its weight over the sum of the weights. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T> T frequency(Random random, Weighted<T>... choices) {
    return choices[weightedIndex(random, choices)].value();
  }

  /** Like {@link #frequency}, for choices that draw further values only when chosen. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T> T frequencyOf(Random random, Weighted<Supplier<T>>... choices) {
    return choices[weightedIndex(random, choices)].value().get();
  }

  private static int weightedIndex(Random random, Weighted<?>[] choices) {
    int total = 0;
    for (Weighted<?> choice : choices) {
      total += choice.weight();
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < choices.length; i++) {
      roll -= choices[i].weight();
      if (roll < 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable: roll beyond the total weight");
  }

  /** An int from {@code min} to {@code max}, both included, each as likely. */
  public static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** A length from 0 to {@code max}: 0 and {@code max} one time in 16 each, else uniform. */
  public static int size(Random random, int max) {
    int edge = random.nextInt(EDGE_ODDS);
    if (edge == 0) {
      return 0;
    }
    if (edge == 1) {
      return max;
    }
    return random.nextInt(max + 1);
  }

  /** A mutable list of {@link #size} up to {@code max} elements, each from {@code element}. */
  public static <T> List<T> listOf(Random random, int max, Supplier<T> element) {
    int size = size(random, max);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return list;
  }

  /** Some of {@code values}, as many as {@link #size}, in their order in {@code values}. */
  public static <T> List<T> subsetOf(Random random, List<T> values) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      indexes.add(i);
    }
    Collections.shuffle(indexes, random);
    List<Integer> chosen = new ArrayList<>(indexes.subList(0, size(random, values.size())));
    Collections.sort(chosen);
    return chosen.stream().map(values::get).toList();
  }
}
