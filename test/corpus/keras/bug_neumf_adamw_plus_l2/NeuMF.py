# Idiom seen in: hexiangnan/neural_collaborative_filtering TF_KERAS_NeuMF.py
# What it reproduces: NeuMF model builder: GMF and MLP embeddings with embeddings_regularizer=l2(...) and
#   MLP Dense layers with kernel_regularizer=l2(...). train.py (a realistic port to current Keras) compiles
#   it with keras.optimizers.AdamW(weight_decay=...), which decays every variable again: the embeddings
#   and MLP kernels get L2 twice, and biases are decayed too (no exclude_from_weight_decay).
from tensorflow import keras
from tensorflow.keras.layers import Embedding, Input, Dense, Flatten, Multiply, Concatenate
from tensorflow.keras.regularizers import l2


def get_model(num_users, num_items, mf_dim=8, layers=(64, 32, 16, 8), reg_layers=1e-5, reg_mf=1e-5):
    num_layer = len(layers)
    user_input = Input(shape=(1,), dtype='int32', name='user_input')
    item_input = Input(shape=(1,), dtype='int32', name='item_input')
    init = keras.initializers.RandomNormal(stddev=0.01)

    MF_Embedding_User = Embedding(input_dim=num_users, output_dim=mf_dim, name='mf_embedding_user',
                                  embeddings_initializer=init, embeddings_regularizer=l2(reg_mf))  # expect: WD201
    MF_Embedding_Item = Embedding(input_dim=num_items, output_dim=mf_dim, name='mf_embedding_item',
                                  embeddings_initializer=init, embeddings_regularizer=l2(reg_mf))  # expect: WD201
    MLP_Embedding_User = Embedding(input_dim=num_users, output_dim=layers[0] // 2, name='mlp_embedding_user',
                                   embeddings_initializer=init, embeddings_regularizer=l2(reg_layers))  # expect: WD201
    MLP_Embedding_Item = Embedding(input_dim=num_items, output_dim=layers[0] // 2, name='mlp_embedding_item',
                                   embeddings_initializer=init, embeddings_regularizer=l2(reg_layers))  # expect: WD201

    mf_user_latent = Flatten()(MF_Embedding_User(user_input))
    mf_item_latent = Flatten()(MF_Embedding_Item(item_input))
    mf_vector = Multiply()([mf_user_latent, mf_item_latent])

    mlp_user_latent = Flatten()(MLP_Embedding_User(user_input))
    mlp_item_latent = Flatten()(MLP_Embedding_Item(item_input))
    mlp_vector = Concatenate()([mlp_user_latent, mlp_item_latent])
    for idx in range(1, num_layer):
        layer = Dense(layers[idx], kernel_regularizer=l2(reg_layers), activation='relu', name="layer%d" % idx)  # expect: WD201
        mlp_vector = layer(mlp_vector)

    predict_vector = Concatenate()([mf_vector, mlp_vector])
    prediction = Dense(1, activation='sigmoid', kernel_initializer='lecun_uniform', name="prediction")(predict_vector)
    return keras.Model(inputs=[user_input, item_input], outputs=prediction)
