# Idiom seen in: ihongChen/keras-tutorial v2/NCF_MLP.ipynb
# What it reproduces: the NCF-MLP builder: user/item Embedding tables with embeddings_regularizer and Dense
#   towers with kernel_regularizer=l2(reg_layers[idx]); trained by compile/fit in train_ncf.py, so the
#   regularization losses are part of the minimized loss: clean.
from tensorflow.keras import regularizers
from tensorflow.keras.layers import Dense, Embedding, Flatten, Input, concatenate
from tensorflow.keras.models import Model


def get_model(num_users, num_items, layers=(20, 10), reg_layers=(0, 0)):
    assert len(layers) == len(reg_layers)
    num_layer = len(layers)
    user_input = Input(shape=(1,), dtype='int32', name='user_input')
    item_input = Input(shape=(1,), dtype='int32', name='item_input')

    mlp_embedding_user = Embedding(input_dim=num_users, output_dim=int(layers[0] / 2), name='user_embedding',
                                   embeddings_initializer='uniform',
                                   embeddings_regularizer=regularizers.l2(reg_layers[0]))
    mlp_embedding_item = Embedding(input_dim=num_items, output_dim=int(layers[0] / 2), name='item_embedding',
                                   embeddings_initializer='uniform',
                                   embeddings_regularizer=regularizers.l2(reg_layers[0]))

    user_latent = Flatten()(mlp_embedding_user(user_input))
    item_latent = Flatten()(mlp_embedding_item(item_input))
    vector = concatenate([user_latent, item_latent])

    for idx in range(1, num_layer):
        layer = Dense(layers[idx], kernel_regularizer=regularizers.l2(reg_layers[idx]),
                      activation='relu', name='layer%d' % idx)
        vector = layer(vector)

    prediction = Dense(1, activation='sigmoid', kernel_initializer='lecun_uniform', name='prediction')(vector)
    return Model(inputs=[user_input, item_input], outputs=prediction)
