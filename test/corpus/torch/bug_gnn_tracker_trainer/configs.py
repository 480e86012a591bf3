# Idiom seen in: murnanedaniel/eta-tracker trainers/gnn_base.py
# What it reproduces: HEP track-finding GNN trainer; the optimizer class is getattr(torch.optim, name) with the
#   config's optimizer_config splatted in (name Adam, weight_decay 1e-4: coupled L2) and given all of
#   self.model.parameters() (biases and LayerNorm decayed too).

CONFIG = dict(
    output_dir='$SCRATCH/heptrkx/results/agnn_001',
    trainer=dict(name='gnn_sparse'),
    data=dict(name='hitgraphs_sparse', input_dir='$SCRATCH/heptrkx/hitgraphs_med_000',
              n_train=2048, n_valid=256, batch_size=4),
    model=dict(name='agnn', input_dim=3, hidden_dim=64, n_graph_iters=8, layer_norm=True,
               loss_func='binary_cross_entropy_with_logits',
               optimizer_config=dict(name='Adam',
                                     learning_rate=0.001,
                                     weight_decay=1.e-4,  # expect: WD202
                                     lr_scaling='sqrt',
                                     lr_warmup_epochs=5,
                                     lr_decay_schedule=[dict(start_epoch=32, end_epoch=64, factor=0.1)])),
    training=dict(n_epochs=64),
)
