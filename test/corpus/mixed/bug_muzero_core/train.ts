// Idiom seen in: mmeilby/muzerojs src/muzero/networks/implementations/mlp.ts
// Idiom seen in: mmeilby/muzerojs src/muzero/networks/implementations/core.ts
// What it reproduces: MlpNet gives every dense layer kernelRegularizer: l2(weightDecay), but CoreNet
// trains with optimizer.minimize(() => this.calculateLoss(...)), whose loss sums value/policy
// terms only and never adds the sub-models' calculateLosses(): the decay is dead.
import { MlpNet } from './mlp'
import { CoreNet } from './core'
import { ReplayBuffer } from '../replaybuffer/replaybuffer'
import { selfPlay } from '../selfplay/selfplay'

async function main (): Promise<void> {
  const model = new MlpNet(9, 9, [32, 32])
  const network = new CoreNet(model, { lrInit: 0.01, lrDecayRate: 0.9, momentum: 0.9, batchSize: 64, valueScale: 0.25 })
  const replayBuffer = new ReplayBuffer(1000)
  for (let step = 0; step < 5000; step++) {
    await selfPlay(model, replayBuffer)
    const loss = network.trainInference(replayBuffer)
    if (step % 100 === 0) {
      console.log(`step ${step}: loss=${loss.toFixed(4)}`)
    }
  }
}

main().catch(console.error)
