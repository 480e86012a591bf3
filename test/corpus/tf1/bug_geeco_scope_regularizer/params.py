# Idiom seen in: ogroth/geeco src/models/e2evmc/params.py
# What it reproduces: a namedtuple hyper-parameter record (E2EVMCConfig) with the l2 scale that every
#   variable scope of the graph module turns into its default regularizer.
import collections

E2EVMCConfig = collections.namedtuple('E2EVMCConfig', [
    'window_size', 'img_height', 'img_width', 'img_channels', 'dim_jnt_state', 'dim_h_lstm',
    'dim_h_fc', 'num_grp_states', 'batch_size', 'lr', 'l2_regularizer', 'lambda_aux',
])

E2E_VMC_DEFAULT_CONFIG = E2EVMCConfig(
    window_size=4,
    img_height=256,
    img_width=256,
    img_channels=3,
    dim_jnt_state=7,
    dim_h_lstm=128,
    dim_h_fc=128,
    num_grp_states=3,
    batch_size=32,
    lr=1e-4,
    l2_regularizer=5e-4,
    lambda_aux=1.0,
)
