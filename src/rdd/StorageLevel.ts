/** Spark: `StorageLevel`. In the simulator only "persisted or not" changes behaviour. */
export type StorageLevel =
  | 'NONE'
  | 'MEMORY_ONLY'
  | 'MEMORY_ONLY_SER'
  | 'MEMORY_AND_DISK'
  | 'MEMORY_AND_DISK_SER'
  | 'MEMORY_AND_DISK_2'
  | 'MEMORY_AND_DISK_SER_2'
  | 'DISK_ONLY';

/** Spark: `StorageLevel` constants, for `persist(StorageLevel.MEMORY_ONLY)`. */
export const StorageLevel = {
  NONE: 'NONE',
  MEMORY_ONLY: 'MEMORY_ONLY',
  MEMORY_ONLY_SER: 'MEMORY_ONLY_SER',
  MEMORY_AND_DISK: 'MEMORY_AND_DISK',
  MEMORY_AND_DISK_SER: 'MEMORY_AND_DISK_SER',
  MEMORY_AND_DISK_2: 'MEMORY_AND_DISK_2',
  MEMORY_AND_DISK_SER_2: 'MEMORY_AND_DISK_SER_2',
  DISK_ONLY: 'DISK_ONLY',
} as const satisfies Record<StorageLevel, StorageLevel>;
