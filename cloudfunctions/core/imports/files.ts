/**
 * Reads an uploaded file by its id: a cloud-storage file id in CloudBase, a path on a laptop.
 * The bytes stream in chunks, so a large file never has to fit in memory.
 */
export interface Files {
  read(fileId: string): Promise<AsyncIterable<Uint8Array>>
}
