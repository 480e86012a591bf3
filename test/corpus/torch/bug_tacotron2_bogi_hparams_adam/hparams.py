# Idiom seen in: BogiHsu/Tacotron2-PyTorch hparams.py
# What it reproduces: a plain hparams class of module-level settings (audio, model, training) read
#   as `hps.weight_decay` by the training script.
class hparams:
    seed = 0
    # audio
    num_mels = 80
    sample_rate = 22050
    frame_shift = 256
    # model
    n_symbols = 148
    symbols_embedding_dim = 512
    encoder_kernel_size = 5
    encoder_n_convolutions = 3
    n_frames_per_step = 3
    # train
    is_cuda = True
    pin_mem = True
    n_workers = 8
    lr = 2e-3
    betas = (0.9, 0.999)
    eps = 1e-6
    sch = True
    sch_step = 4000
    max_iter = 200000
    batch_size = 32
    iters_per_log = 10
    iters_per_ckpt = 10000
    weight_decay = 1e-6
    grad_clip_thresh = 1.0
