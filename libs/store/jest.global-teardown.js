module.exports = async () => {
  await globalThis.__storeInfrastructure?.stop();
};
