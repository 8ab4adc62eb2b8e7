import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Where a projector continues in one log partition. Written in the same SQL transaction as
 * the rows it covers, so rows and offset never disagree (exactly-once projection).
 *
 * @example
 * await dataSource.getRepository(ProjectionOffsetEntity).findOneBy({ consumer: "projector", topic: "history.events", partition: 0 });
 */
@Entity({ name: "projection_offsets" })
export class ProjectionOffsetEntity {
  @PrimaryColumn({
    name: "consumer",
    type: "text",
    primaryKeyConstraintName: "projection_offsets_pkey",
  })
  consumer!: string;

  @PrimaryColumn({
    name: "topic",
    type: "text",
    primaryKeyConstraintName: "projection_offsets_pkey",
  })
  topic!: string;

  @PrimaryColumn({
    name: "partition",
    type: "int",
    primaryKeyConstraintName: "projection_offsets_pkey",
  })
  partition!: number;

  /** The offset of the next record to apply. pg returns bigint as a string: read with BigInt(). */
  @Column({ name: "next_offset", type: "bigint" })
  nextOffset!: string;
}
