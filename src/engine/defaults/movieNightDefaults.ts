// Movie night in the app: how many other people join the person using it, and how long the group's list is (worker API, screen).
export const movieNightDefaults: Readonly<{ minOthers: number; maxOthers: number; n: number }> = Object.freeze({
  /** Other people at least (a group is 2 people or more). */
  minOthers: 1,
  /** Other people at most (4 people in all; the engine ranks up to MAX_GROUP_MEMBERS). */
  maxOthers: 3,
  /** Movies in the group's list. */
  n: 20,
});
