#include "Terraform/Query.h"

#include <gtest/gtest.h>

using namespace cloudpact::terraform;

TEST(TerraformQueries, AllCompile) {
  EXPECT_FALSE(queryNames().empty());
  for (const std::string &problem : checkQueries())
    ADD_FAILURE() << problem;
}
