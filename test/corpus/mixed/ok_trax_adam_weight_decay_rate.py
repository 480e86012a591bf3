# Idiom seen in: Tenoke/trax-reformer configs.py
# What it reproduces: trax ReformerLM training with trax.optimizers.Adam(weight_decay_rate=...) and a
#   MultifactorSchedule, through trax.supervised.training.Loop, with weight_decay_rate switched off
#   (0.0, as the repo config does) and no other penalty or guarded decay helper: clean.
import trax
from trax import layers as tl
from trax.supervised import training

from data_pipeline import train_stream, eval_stream  # not part of this program

N_LAYERS = 12
D_MODEL = 1024
WEIGHT_DECAY_RATE = 0.0  # as in the repo gin config: Adam.weight_decay_rate=0.0


def make_model(mode="train"):
    return trax.models.ReformerLM(vocab_size=256, d_model=D_MODEL, d_ff=4096, n_layers=N_LAYERS,
                                  n_heads=8, dropout=0.2, max_len=65536, mode=mode)


def main(output_dir="./reformer_run", steps=100_000):
    schedule = trax.lr.multifactor(constant=0.03125, factors="constant * linear_warmup * rsqrt_decay",
                                   warmup_steps=2000)
    optimizer = trax.optimizers.Adam(b1=0.9, b2=0.98, eps=1e-9, weight_decay_rate=WEIGHT_DECAY_RATE)
    train_task = training.TrainTask(labeled_data=train_stream(), loss_layer=tl.CrossEntropyLoss(),
                                    optimizer=optimizer, lr_schedule=schedule, n_steps_per_checkpoint=1000)
    eval_task = training.EvalTask(labeled_data=eval_stream(),
                                  metrics=[tl.CrossEntropyLoss(), tl.Accuracy()])
    loop = training.Loop(make_model(), train_task, eval_tasks=[eval_task], output_dir=output_dir)
    loop.run(steps)


if __name__ == "__main__":
    main()
