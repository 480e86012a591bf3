# Idiom seen in: HouZhipeng/CTR AFM/model.py
# Idiom seen in: HouZhipeng/CTR AFM/test_afm.py
# What it reproduces: a Keras AFM (attentional factorization machine) factory that hands its embeddings_regularizer,
#   kernel_regularizer and bias_regularizer arguments to every Embedding/Dense layer and compiles the model itself;
#   the driver passes l2 regularizers and trains with fit_generator, which adds model.losses. Clean.
from keras.layers import Input, Multiply, Embedding, Dense, Activation, Softmax, Concatenate, Add
from keras.models import Model

from utils.layer import inner_product_layer, sum_layer, DenseEmbedding


def afm(sparse_field_num, sparse_index_num, dense_field_num, embed_size=8,
        embeddings_initializer='uniform', embeddings_regularizer=None,
        attn_fact_num=8, kernel_initializer='glorot_uniform', kernel_regularizer=None,
        bias_initializer='zeros', bias_regularizer=None, output_activation='sigmoid'):
    sparse_feat_index = Input(shape=(sparse_field_num,), name='sparse_feat_index')
    dense_feat_value = Input(shape=(dense_field_num,), name='dense_feat_value')

    # LR part
    sparse_feat_weight = Embedding(input_dim=sparse_index_num, output_dim=1,
                                   embeddings_initializer=kernel_initializer,
                                   embeddings_regularizer=kernel_regularizer,
                                   name='sparse_feat_weight_layer')(sparse_feat_index)
    sparse_lr_out = sum_layer(axis=1, name='sparse_lr_out_layer')(sparse_feat_weight)
    dense_lr_out = Dense(units=1, use_bias=False, kernel_initializer=kernel_initializer,
                         kernel_regularizer=kernel_regularizer, name='dense_lr_out_layer')(dense_feat_value)

    # Embeddings of sparse indices and dense values
    embed_sparse = Embedding(input_dim=sparse_index_num, output_dim=embed_size,
                             embeddings_initializer=embeddings_initializer,
                             embeddings_regularizer=embeddings_regularizer,
                             name='embed_sparse_feat_index_layer')(sparse_feat_index)
    embed_dense = DenseEmbedding(embed_size=embed_size, embeddings_initializer=embeddings_initializer,
                                 name='embed_dense_feat_value_layer')(dense_feat_value)
    embed_output = Concatenate(axis=1, name='embed_output_layer')([embed_sparse, embed_dense])

    # Pair-wise interactions and attention-based pooling
    pair_wise_feat = inner_product_layer(keepdims=True, name='inner_product_layer')(embed_output)
    attn_z1 = Dense(units=attn_fact_num, use_bias=True, name='attn_dense_layer1',
                    kernel_initializer=kernel_initializer, kernel_regularizer=kernel_regularizer,
                    bias_initializer=bias_initializer, bias_regularizer=bias_regularizer)(pair_wise_feat)
    attn_a1 = Activation('relu', name='attn_activation_layer1')(attn_z1)
    attn_z2 = Dense(units=1, use_bias=False, name='attn_dense_layer2', kernel_initializer=kernel_initializer,
                    kernel_regularizer=kernel_regularizer)(attn_a1)
    attn_weight = Softmax(axis=1, name='attn_output_layer')(attn_z2)
    pool_output = sum_layer(1, name='pooling_output_layer')(Multiply()([pair_wise_feat, attn_weight]))
    afm_output = Dense(units=1, use_bias=False, name='afm_output_layer', kernel_initializer=kernel_initializer,
                       kernel_regularizer=kernel_regularizer)(pool_output)

    logit = Add(name='logit')([sparse_lr_out, dense_lr_out, afm_output])
    outputs = Activation(output_activation, name='output_layer')(logit)
    model = Model(inputs=[sparse_feat_index, dense_feat_value], outputs=outputs)
    model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['mse'])
    return model
