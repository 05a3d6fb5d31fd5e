package dev.ssoconfig.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

class RegionsTest {

  /** Each partition the SDK knows, with the id of its first known (non-global) region. */
  private static Map<String, String> oneKnownRegionPerPartition() {
    return Region.regions().stream()
        .filter(r -> !r.isGlobalRegion())
        .collect(
            Collectors.toMap(
                r -> RegionMetadata.of(r).partition().id(),
                Region::id,
                (a, b) -> a.compareTo(b) <= 0 ? a : b,
                TreeMap::new));
  }

  @Nested
  class KnownRegions {
    @ParameterizedTest
    @CsvSource({
      "us-east-1, aws",
      "eu-central-2, aws",
      "ap-southeast-7, aws",
      "il-central-1, aws",
      "mx-central-1, aws",
      "cn-north-1, aws-cn",
      "cn-northwest-1, aws-cn",
      "us-gov-west-1, aws-us-gov",
      "us-gov-east-1, aws-us-gov",
      "us-iso-east-1, aws-iso",
      "us-isob-east-1, aws-iso-b",
      "eu-isoe-west-1, aws-iso-e",
      "us-isof-south-1, aws-iso-f",
      "eusc-de-east-1, aws-eusc"
    })
    void are_accepted_in_every_partition(String region, String partition) {
      assertEquals(partition, RegionMetadata.of(Region.of(region)).partition().id());
      assertTrue(Regions.isRegion(region), region);
    }

    @Test
    void the_examples_above_cover_every_partition_the_sdk_knows() {
      assertEquals(
          Set.of(
              "aws",
              "aws-cn",
              "aws-us-gov",
              "aws-iso",
              "aws-iso-b",
              "aws-iso-e",
              "aws-iso-f",
              "aws-eusc"),
          oneKnownRegionPerPartition().keySet());
    }

    @Test
    void every_region_the_sdk_lists_is_accepted() {
      Set<String> refused =
          Region.regions().stream()
              .filter(r -> !r.isGlobalRegion())
              .map(Region::id)
              .filter(id -> !Regions.isRegion(id))
              .collect(Collectors.toCollection(TreeSet::new));

      assertEquals(Set.of(), refused);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-global", "aws-cn-global", "aws-us-gov-global", "aws-iso-global"})
    void global_pseudo_regions_are_not_regions(String region) {
      assertFalse(Regions.isRegion(region));
    }
  }

  @Nested
  class NewRegionsOfKnownPartitions {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "ap-southeast-8",
          "us-east-3",
          "eu-south-3",
          "me-west-1",
          "ca-east-1",
          "cn-south-1",
          "us-gov-central-1",
          "us-iso-south-1",
          "us-isob-south-1",
          "eu-isoe-north-1",
          "us-isof-west-1",
          "eusc-de-west-1",
          "ap-midwest-1",
          "eu-east-12"
        })
    void are_accepted_by_their_partitions_pattern(String region) {
      assertFalse(Region.regions().contains(Region.of(region)), region + " is known already");

      assertTrue(Regions.isRegion(region), region);
    }

    @Test
    void each_partitions_pattern_accepts_a_new_number() {
      oneKnownRegionPerPartition()
          .forEach(
              (partition, known) -> {
                String next = known.replaceFirst("-[0-9]+$", "-97");
                assertTrue(Regions.isRegion(next), partition + ": " + next);
              });
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"us-east-0", "us-east-01", "zz-east-1", "us-gov-east", "eusc-fr-east-1"})
    void names_outside_every_pattern_are_refused(String region) {
      assertFalse(Regions.isRegion(region), region);
    }
  }

  @Nested
  class NearMisses {
    @ParameterizedTest
    @CsvSource({
      "us-east1, us-east-1",
      "us-est-1, us-east-1",
      "eu-west1, eu-west-1",
      "useast1, us-east-1",
      "us_east_1, us-east-1",
      "US-EAST-1, us-east-1",
      "us-east-1a, us-east-1",
      "eu-wset-1, eu-west-1",
      "ap-southeest-2, ap-southeast-2",
      "us-gov-wst-1, us-gov-west-1",
      "cn-nrth-1, cn-north-1",
      "us-east, us-east-1"
    })
    void are_refused_with_the_closest_known_region(String typed, String suggestion) {
      assertFalse(Regions.isRegion(typed), typed);
      assertEquals(Optional.of(suggestion), Regions.closestKnown(typed));
    }
  }

  @Nested
  class Refusals {
    @ParameterizedTest
    @ValueSource(strings = {"moon-base-1", "Frankfurt", "eu", "1", "", "north-pole-9"})
    void names_far_from_every_region_get_no_suggestion(String typed) {
      assertFalse(Regions.isRegion(typed), typed);
      assertEquals(Optional.empty(), Regions.closestKnown(typed));
    }

    @Test
    void null_is_not_a_region() {
      assertFalse(Regions.isRegion(null));
      assertEquals(Optional.empty(), Regions.closestKnown(null));
    }
  }

  @Nested
  class Distance {
    @ParameterizedTest
    @CsvSource({
      "us-east-1, us-east-1, 0",
      "us-east1, us-east-1, 1",
      "us-est-1, us-east-1, 1",
      "us-esat-1, us-east-1, 1",
      "eu-west-1, us-east-1, 4",
      "'', abc, 3"
    })
    void counts_insertions_deletions_substitutions_and_swaps(String a, String b, int expected) {
      assertEquals(expected, Regions.distance(a, b));
      assertEquals(expected, Regions.distance(b, a));
    }
  }
}
