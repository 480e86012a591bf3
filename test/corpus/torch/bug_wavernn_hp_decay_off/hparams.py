# Idiom seen in: fatchord/WaveRNN hparams.py
# What it reproduces: the module of plain constants the vocoder script reads as `hp`; the L2 option a user added to
#   the training loop is switched off here (voc_weight_decay = 0.0), so its guarded code never runs (see WD303 there).

# CONFIG -----------------------------------------------------------------------------------------------------------#
wav_path = '/path/to/wav_files/'
data_path = 'data/'
voc_model_id = 'ljspeech_mol'

# DSP --------------------------------------------------------------------------------------------------------------#
sample_rate = 22050
n_fft = 2048
num_mels = 80
hop_length = 275
win_length = 1100
bits = 9
mu_law = True

# WAVERNN / VOCODER ------------------------------------------------------------------------------------------------#
voc_mode = 'MOL'
voc_upsample_factors = (5, 5, 11)
voc_rnn_dims = 512
voc_fc_dims = 512
voc_compute_dims = 128
voc_res_out_dims = 128
voc_res_blocks = 10

# Training
voc_batch_size = 32
voc_lr = 1e-4
voc_weight_decay = 0.0          # L2 on the recurrent/fc weights; 0 disables it
voc_checkpoint_every = 25_000
voc_total_steps = 1_000_000
voc_test_samples = 50
voc_pad = 2
voc_seq_len = hop_length * 5
voc_clip_grad_norm = 4
