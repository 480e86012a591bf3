# Idiom seen in: google-deepmind/kfac-jax examples/lrelunet101_imagenet/pipeline.py
# What it reproduces: the experiment config of the LReLUNet-101 run, with l2_reg = 0.0 as in the repo; nothing
# else in this workspace sets a non-zero l2_reg.


def get_config():
  return dict(
      l2_reg=0.0,
      steps=450_000,
      batch_size=1024,
      model_kwargs=dict(depth=101, dropout_rate=0.0),
      loss_kwargs=dict(label_smoothing=0.1),
      optimizer=dict(learning_rate=0.4, momentum=0.9),
  )
